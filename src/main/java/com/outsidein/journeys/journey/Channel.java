package com.outsidein.journeys.journey;

/**
 * The medium through which a touchpoint reaches the buyer. Opt-outs store {@link #code}, never the
 * position, so a channel can be added anywhere; a code once used is never reused (ChannelCodesTest pins them).
 */
public enum Channel {
    EMAIL(1), WEBINAR(2), WHITE_PAPER(3), LANDING_PAGE(4), LIVE_CHAT(5), PHONE(6), SALES_CALL(7), MEETING(8), EVENT(9),
    NEWSLETTER(10), SOCIAL(11), DIRECT_MAIL(12), OTHER(13);

    /** The stored form; 0 is kept for "every channel". */
    public final int code;

    Channel(int code) {
        this.code = code;
    }
}

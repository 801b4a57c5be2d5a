package com.outsidein.journeys.journey;

/** The medium through which a touchpoint reaches the buyer. Opt-outs store the ordinal: add channels at the end only. */
public enum Channel {
    EMAIL, WEBINAR, WHITE_PAPER, LANDING_PAGE, LIVE_CHAT, PHONE, SALES_CALL, MEETING, EVENT, NEWSLETTER, SOCIAL,
    DIRECT_MAIL, OTHER
}

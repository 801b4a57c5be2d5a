package com.outsidein.journeys.journey;

/** The medium through which a touchpoint reaches the buyer. */
public enum Channel {
    EMAIL, WEBINAR, WHITE_PAPER, LANDING_PAGE, LIVE_CHAT, PHONE, SALES_CALL, MEETING, EVENT, NEWSLETTER, SOCIAL,
    DIRECT_MAIL, OTHER
}

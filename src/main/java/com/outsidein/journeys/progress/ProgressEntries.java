package com.outsidein.journeys.progress;

/**
 * A prospect's progress packed into one long per event: the epoch second times 128 plus the step's
 * permanent ref for step entries, times 4096 plus the element's ref for actions and touchpoints.
 * Sorting the longs sorts the events by time.
 */
public final class ProgressEntries {

    public static final int REF_BITS = 7;
    private static final long REF_MASK = (1L << REF_BITS) - 1;

    private ProgressEntries() {
    }

    public static long pack(long epochSecond, int ref) {
        return (epochSecond << REF_BITS) | ref;
    }

    public static long epochSecond(long entry) {
        return entry >> REF_BITS;
    }

    public static int ref(long entry) {
        return (int) (entry & REF_MASK);
    }

    public static final int ELEMENT_REF_BITS = 12;
    private static final long ELEMENT_REF_MASK = (1L << ELEMENT_REF_BITS) - 1;

    /** An opt-out's code: 0 for every channel, else the channel's stored code (the event names it, or "" for all). */
    public static int channelCode(String channel) {
        return channel.isEmpty() ? 0 : com.outsidein.journeys.journey.Channel.valueOf(channel).code;
    }

    public static long packElement(long epochSecond, int ref) {
        return (epochSecond << ELEMENT_REF_BITS) | ref;
    }

    public static long elementSecond(long packed) {
        return packed >> ELEMENT_REF_BITS;
    }

    public static int elementRef(long packed) {
        return (int) (packed & ELEMENT_REF_MASK);
    }
}

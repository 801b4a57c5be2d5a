package com.outsidein.journeys.report.conversion;

import com.outsidein.journeys.report.TimeToConvert;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One step of one funnel as a CSV row. */
@JsonPropertyOrder({ "bucket", "segment", "step", "optional", "entered", "converted", "conversionRate", "overallRate",
        "droppedOff", "p50", "p75", "p90", "p95", "mean" })
public record ConversionCsvRow(String bucket, String segment, String step, boolean optional, long entered, Long converted,
        Double conversionRate, Double overallRate, Long droppedOff, Long p50, Long p75, Long p90, Long p95, Double mean) {

    static ConversionCsvRow of(ConversionReport.Funnel funnel, ConversionReport.StepConversion s) {
        TimeToConvert t = s.timeToConvert();
        return new ConversionCsvRow(funnel.bucket(), funnel.segment(), s.step(), s.optional(), s.entered(), s.converted(),
                s.conversionRate(), s.overallRate(), s.droppedOff(), t == null ? null : t.p50(), t == null ? null : t.p75(),
                t == null ? null : t.p90(), t == null ? null : t.p95(), t == null ? null : t.mean());
    }
}

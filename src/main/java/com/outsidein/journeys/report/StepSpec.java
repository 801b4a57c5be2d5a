package com.outsidein.journeys.report;

/** A step of the journey in its current order, with the permanent ref its entries are packed with. */
public record StepSpec(String key, String name, boolean optional, int ref) {
}

package com.outsidein.journeys.audit;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The seller's vocabulary: a step whose name uses one of these words describes what the company does
 * to the buyer, not what the buyer is trying to do. Whole words only, so "discloses", "leadership" and
 * "demonstrates" do not match while "Qualify lead" and "Closes the deal" do.
 */
public final class InsideOutWords {

    /** Each entry is a regular expression for one word and its inflections. */
    public static final List<String> WORDS = List.of(
            "qualif(y|ies|ied|ying|ication)",
            "nurtur(e|es|ed|ing)",
            "clos(e|es|ed|ing)",
            "pitch(es|ed|ing)?",
            "upsell(s|ing)?",
            "cross-?sell(s|ing)?",
            "convert(s|ed|ing)?", "conversions?",
            "demos?",
            "leads?",
            "mql", "sql",
            "prospect(s|ing)?",
            "pipeline",
            "funnel",
            "hand-?offs?",
            "target(s|ed|ing)?",
            "push(es|ed|ing)?",
            "persuad(e|es|ed|ing)",
            "objection(s)?");

    private static final Pattern PATTERN = Pattern.compile("\\b(" + String.join("|", WORDS) + ")\\b",
            Pattern.CASE_INSENSITIVE);

    private InsideOutWords() {
    }

    /** The first seller's word in the name, if any. */
    public static Optional<String> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        Matcher matcher = PATTERN.matcher(name);
        return matcher.find() ? Optional.of(matcher.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }
}

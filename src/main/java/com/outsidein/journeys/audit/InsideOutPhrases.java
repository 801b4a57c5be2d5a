package com.outsidein.journeys.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Judges whether a step name is written from the seller's side: what the company does to the buyer
 * ("Qualify lead", "Close the deal", "Demo the product", "Push for signature"), not what the buyer is
 * trying to do. A word alone decides nothing, since buyers close skills gaps, target go-live dates and
 * pitch ideas to their board: the phrase does. It is the seller's when
 * <ul>
 * <li>the seller is its subject ("Sales qualifies the opportunity", "We present the case");</li>
 * <li>it names the seller's pipeline objects (lead, MQL, deal, opportunity, pipeline, funnel, objections);</li>
 * <li>it opens with a verb only sellers do to buyers (qualify, nurture, upsell, convert, demo, push) as an
 * instruction, a stage name or a past state ("Qualified"), not as the buyer's own third-person action
 * ("Qualifies vendors against the requirements");</li>
 * <li>it opens with a verb both sides use (close, pitch, target, send) as an instruction or stage name whose
 * object is the seller's (proposal, product, contract) or the buyer ("Win the customer"), or none ("Closing").</li>
 * </ul>
 */
public final class InsideOutPhrases {

    private static final Set<String> SELLER_SUBJECTS = Set.of("we", "sales", "sdr", "sdrs", "bdr", "bdrs", "ae", "aes",
            "rep", "reps", "marketing", "seller", "sellers", "vendor");
    /** Words only a seller's pipeline uses, whatever the verb. */
    private static final Set<String> PIPELINE_OBJECTS = Set.of("lead", "leads", "mql", "mqls", "sql", "sqls", "deal", "deals",
            "opportunity", "opportunities", "pipeline", "funnel", "quota", "objection", "objections", "prospect", "prospects",
            "closed-won", "closed-lost", "upsell", "cross-sell");
    /** Things a seller sends or shows; a buyer may ask for them, so they count only after a seller's instruction. */
    private static final Set<String> OFFER_OBJECTS = Set.of("proposal", "demo", "offer", "pitch", "signature", "quote",
            "contract", "product", "platform", "solution", "deck", "pricing", "discount", "meeting", "follow-up");
    /** The buyer as the object of the sentence: what is done to them. */
    private static final Set<String> BUYER_OBJECTS = Set.of("buyer", "buyers", "customer", "customers", "client", "clients",
            "account", "accounts", "decision-maker", "decision-makers", "champion", "them", "him", "her");
    private static final Set<String> FILLERS = Set.of("the", "a", "an", "our", "their", "this", "that", "these", "those",
            "his", "its", "every", "each", "new", "more", "to", "for", "up", "off", "on", "in", "into", "with", "out", "back");

    /** Verb forms of what only sellers do to buyers: form → its role ("base", "third", "stage"). */
    private static final Map<String, String> SELLER_VERBS = forms(
            "qualify qualifies qualifying|qualified|qualification",
            "nurture nurtures nurturing|nurtured",
            "upsell upsells upselling|upsold",
            "cross-sell cross-sells cross-selling|cross-sold",
            "convert converts converting|converted|conversion",
            "prospect - prospecting",
            "persuade persuades persuading|persuaded",
            "retarget retargets retargeting|retargeted",
            "re-engage re-engages re-engaging|re-engaged",
            "demo demos demoing|demoed",
            "push pushes pushing|pushed",
            "chase chases chasing|chased");
    /** Verb forms both sides use: the object decides. */
    private static final Map<String, String> SHARED_VERBS = forms(
            "close closes closing|closed", "pitch pitches pitching|pitched", "target targets targeting|targeted",
            "sell sells selling|sold", "send sends sending|sent", "present presents presenting|presented",
            "negotiate negotiates negotiating|negotiated|negotiation", "book books booking|booked",
            "engage engages engaging|engaged", "win wins winning|won", "handle handles handling|handled",
            "overcome overcomes overcoming|overcame", "follow follows following|followed", "schedule schedules scheduling|scheduled",
            "move moves moving|moved", "educate educates educating|educated", "activate activates activating|activated",
            "capture captures capturing|captured", "score scores scoring|scored", "nudge nudges nudging|nudged");

    private InsideOutPhrases() {
    }

    /** The seller's phrase in the name, if it is written from the seller's side. */
    public static Optional<String> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        List<String> words = new ArrayList<>();
        for (String word : name.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}-]+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        if (words.isEmpty()) {
            return Optional.empty();
        }
        String first = words.get(0);
        if (SELLER_SUBJECTS.contains(first) && words.size() > 1) {
            return Optional.of(first + " " + words.get(1));
        }
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            // "Leads the evaluation", "Prospects the market": the buyer's own verb, not the seller's noun.
            boolean verbUse = i == 0 && words.size() > 1 && FILLERS.contains(words.get(1));
            if (PIPELINE_OBJECTS.contains(word) && !verbUse) {
                return Optional.of(i == 0 ? word : words.get(i - 1) + " " + word);
            }
        }
        List<String> objects = words.subList(1, words.size()).stream().filter(w -> !FILLERS.contains(w)).toList();
        String object = objects.isEmpty() ? null : objects.get(0);
        String sellerRole = SELLER_VERBS.get(first);
        if (sellerRole != null && !sellerRole.equals("third")) {
            return Optional.of(object == null ? first : first + " " + object);
        }
        String sharedRole = SHARED_VERBS.get(first);
        if (sharedRole != null && !sharedRole.equals("third")
                && (object == null ? !sharedRole.equals("base") || words.size() == 1
                        : OFFER_OBJECTS.contains(object) || BUYER_OBJECTS.contains(object))) {
            return Optional.of(object == null ? first : first + " " + object);
        }
        // An instruction whose object is the buyer: "Educate the buyer", "Win the customer".
        if (words.size() > 2 && FILLERS.contains(words.get(1)) && BUYER_OBJECTS.contains(words.get(2))
                && !first.endsWith("s")) {
            return Optional.of(first + " " + words.get(1) + " " + words.get(2));
        }
        return Optional.empty();
    }

    /** "base third gerund|stage...": the base and gerund/stage forms are instructions or stage names, third is the buyer's. */
    private static Map<String, String> forms(String... verbs) {
        Map<String, String> forms = new java.util.HashMap<>();
        for (String verb : verbs) {
            String[] parts = verb.split(" ", 3);
            forms.put(parts[0], "base");
            if (!parts[1].equals("-")) {
                forms.put(parts[1], "third");
            }
            for (String stage : parts[2].split("\\|")) {
                forms.put(stage, "stage");
            }
        }
        return Map.copyOf(forms);
    }
}

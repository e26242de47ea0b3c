package org.itera.core.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Turns the arithmetic of a problem into a short English word problem. The wording is ours: a
 * person with some things, or a place holding some things, and a sentence per operation.
 */
final class Stories {

    /** Someone who owns the things: how they are introduced, referred to, and named in the question. */
    private record Actor(String intro, String subj, String obj, String name, List<String> items) {
    }

    /** A place that holds things, with the phrases that fit it. */
    private record Place(String place, String items, List<String> openings, List<String> gains,
            List<String> losses, String question) {
    }

    private static final List<String> EVERYDAY_ITEMS = List.of(
            "apples", "marbles", "stickers", "pencils", "stamps", "coins", "cookies", "shells", "cards", "books");

    private static final List<Actor> ACTORS = List.of(
            named("Maria", "she", "her"), named("Tom", "he", "him"), named("Aisha", "she", "her"),
            named("Ben", "he", "him"), named("Lena", "she", "her"), named("Omar", "he", "him"),
            named("Priya", "she", "her"), named("Jack", "he", "him"), named("Sofia", "she", "her"),
            named("Kenji", "he", "him"),
            role("farmer", List.of("apples", "eggs", "potatoes")),
            role("baker", List.of("muffins", "cookies", "rolls")),
            role("teacher", List.of("pencils", "stickers", "erasers")),
            role("florist", List.of("roses", "tulips", "daisies")));

    private static final List<String> PERSON_OPENINGS = List.of(
            "{intro} has {n} {items}.",
            "{intro} starts with {n} {items}.",
            "{intro} has a box with {n} {items} in it.");
    private static final List<String> PERSON_GAINS = List.of(
            "{subj} buys {n} more {items}.",
            "{subj} finds {n} more {items}.",
            "a friend gives {obj} {n} more {items}.");
    private static final List<String> PERSON_LOSSES = List.of(
            "{subj} gives away {n} {items}.",
            "{subj} sells {n} of the {items}.",
            "{subj} loses {n} {items}.");
    private static final List<String> PERSON_GROWTHS = List.of(
            "{subj} gets more {items} until {subj} has {n} times as many as before.",
            "the number of {items} {subj} has becomes {n} times as large.");
    private static final List<String> PERSON_QUESTIONS = List.of(
            "How many {items} does {name} have now?",
            "How many {items} does {name} have in the end?");

    private static final List<Place> PLACES = List.of(
            new Place("bus", "passengers",
                    List.of("A bus has {n} passengers on board.", "There are {n} passengers on a bus."),
                    List.of("{n} more passengers get on the bus."),
                    List.of("{n} passengers get off the bus."),
                    "How many passengers are on the bus now?"),
            new Place("library", "books",
                    List.of("A library has {n} books.", "There are {n} books in a library."),
                    List.of("the library buys {n} more books.", "{n} new books arrive at the library."),
                    List.of("{n} books are lent out.", "the library gives away {n} old books."),
                    "How many books are in the library now?"),
            new Place("parking lot", "cars",
                    List.of("There are {n} cars in a parking lot.", "A parking lot has {n} cars in it."),
                    List.of("{n} more cars park there.", "{n} more cars drive in."),
                    List.of("{n} cars drive away.", "{n} cars leave the parking lot."),
                    "How many cars are in the parking lot now?"),
            new Place("warehouse", "boxes",
                    List.of("A warehouse holds {n} boxes.", "There are {n} boxes in a warehouse."),
                    List.of("a truck delivers {n} more boxes.", "workers bring in {n} more boxes."),
                    List.of("{n} boxes are shipped out.", "a truck takes away {n} boxes."),
                    "How many boxes are in the warehouse now?"),
            new Place("garden", "tulips",
                    List.of("A garden has {n} tulips.", "There are {n} tulips in a garden."),
                    List.of("a gardener plants {n} more tulips.", "{n} more tulips come up."),
                    List.of("{n} tulips are picked.", "rabbits eat {n} of the tulips."),
                    "How many tulips are in the garden now?"),
            new Place("shop", "bottles of juice",
                    List.of("A shop has {n} bottles of juice.", "There are {n} bottles of juice in a shop."),
                    List.of("{n} more bottles of juice are delivered to the shop."),
                    List.of("the shop sells {n} bottles of juice."),
                    "How many bottles of juice does the shop have now?"));

    private static final List<String> PLACE_GROWTHS = List.of(
            "the number of {items} becomes {n} times as large.",
            "the {place} ends up with {n} times as many {items} as before.");

    /** Words that open the sentences of the second and later operations. */
    private static final List<String> CONNECTIVES = List.of("Then", "After that,", "Later,", "Next,");

    private Stories() {
    }

    private static Actor named(String name, String subj, String obj) {
        return new Actor(name, subj, obj, name, EVERYDAY_ITEMS);
    }

    private static Actor role(String noun, List<String> items) {
        return new Actor("a " + noun, "the " + noun, "the " + noun, "the " + noun, items);
    }

    /** The text of a problem; every random choice comes from {@code rng}, in a fixed order. */
    static String write(Random rng, long start, List<Step> steps) {
        Scene scene = scene(rng);
        List<String> sentences = new ArrayList<>();
        sentences.add(sentence(scene.opening(rng, start)));
        int lastConnective = -1;
        for (int i = 0; i < steps.size(); i++) {
            String change = scene.change(rng, steps.get(i));
            if (i == 0) {
                sentences.add(sentence(change));
            } else {
                int c = rng.nextInt(CONNECTIVES.size() - (lastConnective < 0 ? 0 : 1));
                if (lastConnective >= 0 && c >= lastConnective) {
                    c++; // never the same connective twice in a row
                }
                sentences.add(CONNECTIVES.get(c) + " " + change);
                lastConnective = c;
            }
        }
        sentences.add(scene.question(rng));
        return String.join(" ", sentences);
    }

    private static Scene scene(Random rng) {
        if (rng.nextBoolean()) {
            Actor actor = Scene.pick(rng, ACTORS);
            String items = Scene.pick(rng, actor.items());
            return new Scene(items, actor.intro(), actor.subj(), actor.obj(), actor.name(), "",
                    PERSON_OPENINGS, PERSON_GAINS, PERSON_LOSSES, PERSON_GROWTHS, PERSON_QUESTIONS);
        }
        Place place = Scene.pick(rng, PLACES);
        return new Scene(place.items(), "", "", "", "", place.place(), place.openings(), place.gains(),
                place.losses(), PLACE_GROWTHS, List.of(place.question()));
    }

    /** Capitalises the first letter. */
    private static String sentence(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}

package org.itera.llm.shots;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Lucene index of the library: BM25 on the task text, one agent's entries, never the task's own. */
class ExperienceIndexTest {

    final ExperienceIndex index = new ExperienceIndex();

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    @Test
    void findsTheMostSimilarEntriesOfTheAgentBestFirst() {
        index.add(Library.entry(Library.train("arithmetic-calculator", "t/apples", "Ann has 3 apples and buys 4 more apples.", "Answer: 7")));
        index.add(Library.entry(Library.train("arithmetic-calculator", "t/trains", "A train travels 60 km in 2 hours.", "Answer: 30")));
        index.add(Library.entry(Library.train("arithmetic-calculator", "t/pears", "Bo has 5 pears and eats 2 pears.", "Answer: 3")));

        List<LibraryEntry> found = index.similar("arithmetic-calculator", "t/new", "Problem: Cy has 2 apples and buys 9 more apples.", 2);

        assertThat(found).extracting(LibraryEntry::taskId).hasSize(2).startsWith("t/apples");
        assertThat(index.similar("arithmetic-calculator", "t/new", "How fast is a train that travels 90 km?", 1))
                .extracting(LibraryEntry::taskId).containsExactly("t/trains");
    }

    @Test
    void returnsOnlyTheEntriesOfTheAgentAsked() {
        index.add(Library.entry(Library.train("arithmetic-calculator", "t/1", "Ann has 3 apples.", "Answer: 3")));
        index.add(Library.entry(Library.train("arithmetic-reporter", "t/1", "Ann has 3 apples.", "Answer: 3")));
        index.add(Library.entry(Library.train("gsm8k-solver", "t/2", "Ann has 3 apples and 3 apples.", "Answer: 6")));

        assertThat(index.similar("arithmetic-reporter", "t/9", "Ann has apples", 5))
                .extracting(LibraryEntry::agent).containsExactly("arithmetic-reporter");
        assertThat(index.similar("physics-physicist", "t/9", "Ann has apples", 5)).isEmpty();
    }

    @Test
    void neverReturnsAnEntryOfTheTaskBeingSolved() {
        index.add(Library.entry(Library.train("arithmetic-calculator", "t/same", "Ann has 3 apples and buys 4 more.", "Answer: 7")));
        index.add(Library.entry(Library.train("arithmetic-calculator", "t/other", "Bo has 8 pears.", "Answer: 8")));

        assertThat(index.similar("arithmetic-calculator", "t/same", "Problem: Ann has 3 apples and buys 4 more.", 5))
                .extracting(LibraryEntry::taskId).containsExactly("t/other");
    }

    @Test
    void neverReturnsAnEntryOfTheTaskBeingSolvedUnderAVariantsPrefix() {
        index.add(Library.entry(Library.train("arithmetic-calculator", "arith-7", "Ann has 3 apples and buys 4 more.", "Answer: 7")));
        index.add(Library.entry(Library.train("arithmetic-calculator", "arithmetic/arith-8", "Ann has 5 apples.", "Answer: 5")));
        index.add(Library.entry(Library.train("arithmetic-calculator", "arith-9", "Bo has 8 pears.", "Answer: 8")));

        assertThat(index.similar("arithmetic-calculator", "arithmetic-shots/arith-7", "Ann has 3 apples and buys 4 more.", 5))
                .extracting(LibraryEntry::taskId).containsExactly("arithmetic/arith-8", "arith-9");
        assertThat(index.similar("arithmetic-calculator", "arithmetic-shots:arith-8", "Ann has 5 apples.", 5))
                .extracting(LibraryEntry::taskId).containsExactly("arith-7", "arith-9");
    }

    @Test
    void addingAnEntryAgainChangesNothing() {
        LibraryEntry entry = Library.entry(Library.train("arithmetic-calculator", "t/1", "Ann has 3 apples.", "Answer: 3"));

        assertThat(index.add(entry)).isTrue();
        assertThat(index.add(entry)).isFalse();

        assertThat(index.size()).isEqualTo(1);
        assertThat(index.similar("arithmetic-calculator", "t/2", "apples", 5)).containsExactly(entry);
    }

    @Test
    void aBatchAddsEachEntryOnceAndIsSearchableAtOnce() {
        LibraryEntry apples = Library.entry(Library.train("arithmetic-calculator", "t/1", "Ann has 3 apples.", "Answer: 3"));
        LibraryEntry pears = Library.entry(Library.train("arithmetic-calculator", "t/2", "Bo has 4 pears.", "Answer: 4"));

        assertThat(index.addAll(List.of(apples, apples, pears))).isEqualTo(2);
        assertThat(index.addAll(List.of(pears))).isZero();

        assertThat(index.similar("arithmetic-calculator", "t/9", "Bo has pears", 5)).startsWith(pears).hasSize(2);
    }

    @Test
    void givesAtMostKAndNothingForKZeroOrAnEmptyLibrary() {
        assertThat(index.similar("arithmetic-calculator", "t/0", "apples", 3)).isEmpty();
        for (int i = 0; i < 5; i++) {
            index.add(Library.entry(Library.train("arithmetic-calculator", "t/" + i, "Ann has " + i + " apples.", "Answer: " + i)));
        }
        assertThat(index.similar("arithmetic-calculator", "t/9", "apples", 3)).hasSize(3);
        assertThat(index.similar("arithmetic-calculator", "t/9", "apples", 0)).isEmpty();
        assertThat(index.similar("arithmetic-calculator", "t/9", "", 2)).hasSize(2);
    }
}

package io.shukei.people;

/** Something people read, in Japanese and in English: a label, a sentence, a status. */
public interface Labelled {

    String ja();

    String en();
}

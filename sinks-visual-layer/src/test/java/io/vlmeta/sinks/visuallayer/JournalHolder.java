package io.vlmeta.sinks.visuallayer;

import java.nio.file.Path;

/** A separate process that takes a journal and holds it until it is killed: a run in the middle of its upload. */
public final class JournalHolder {
    private JournalHolder() {
    }

    public static void main(String[] args) throws InterruptedException {
        Journal journal = Journal.open(Path.of(args[0]), args[1], args[2]);
        journal.declaring("score");
        System.out.println("holding");
        System.out.flush();
        Thread.sleep(120_000);
        journal.close();
    }
}

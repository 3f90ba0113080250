package io.vlmeta.cli;

/**
 * What to tell the user when the JVM runs out of heap: one sentence with the heap it had and how to
 * give it more, instead of a stack trace. Large exports (millions of media) need a media index of
 * about 80 bytes per item, which a small default heap may not hold.
 */
final class OutOfMemoryAdvice {
    private OutOfMemoryAdvice() {
    }

    /** @param maxHeapBytes {@link Runtime#maxMemory()} of the run that failed */
    static String message(long maxHeapBytes) {
        long mb = maxHeapBytes / (1024 * 1024);
        long suggested = Math.max(2, (mb * 2 + 1023) / 1024);
        return "Error: vlmeta ran out of memory (its Java heap was " + mb + " MB). Nothing more was sent; "
                + "run it again with a larger heap, e.g. VLMETA_JAVA_OPTS=-Xmx" + suggested + "g ./vlmeta ... "
                + "(or java -Xmx" + suggested + "g -jar vlmeta.jar ...), and add --resume if an upload had started.";
    }
}

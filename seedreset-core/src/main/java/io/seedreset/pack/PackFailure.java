package io.seedreset.pack;

/**
 * Thrown by a pack that cannot generate in this organization, typically a scenario that does
 * not find the rows it builds on. The message says what is missing and what to do; the engine
 * reports it as the pack's failure and writes nothing.
 */
public class PackFailure extends RuntimeException {

    public PackFailure(String message) {
        super(message);
    }
}

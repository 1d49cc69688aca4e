package io.seedreset.api;

/** Receives progress of long work (rows written, rows deleted); front ends draw it. */
public interface Progress {

    Progress NONE = new Progress() {
        @Override
        public void start(String task) {
        }

        @Override
        public void advance(long rows) {
        }

        @Override
        public void finish() {
        }
    };

    void start(String task);

    void advance(long rows);

    void finish();
}

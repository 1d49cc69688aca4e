package io.seedreset.internal.snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The portable snapshot file: a zip whose first entry is {@code manifest.json} and whose next entries,
 * one per table in the manifest's order, are {@code tables/<schema.table>.copy.gz}, each table's
 * gzipped COPY text stored as is (so {@code unzip} and {@code zcat} read it). Written and read as
 * streams: neither end holds the file in memory. A reader checks each entry's CRC-32 (the zip's own)
 * and, as the rows load, their count and SHA-256 against the manifest.
 */
public final class SnapshotFile {

    static final String MANIFEST = "manifest.json";

    /** Where a table's compressed rows come from while a file is written. */
    @FunctionalInterface
    public interface Tables {
        InputStream open(Manifest.TableEntry entry) throws Exception;
    }

    private SnapshotFile() {
    }

    public static void write(Manifest manifest, Tables tables, OutputStream out) throws Exception {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        zip.putNextEntry(new ZipEntry(MANIFEST));
        zip.write(StoredSnapshots.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
        zip.closeEntry();
        for (Manifest.TableEntry table : manifest.tables()) {
            ZipEntry entry = new ZipEntry(entryName(table.table()));
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(table.compressedBytes());
            entry.setCompressedSize(table.compressedBytes());
            entry.setCrc(table.crc32());
            zip.putNextEntry(entry);
            try (InputStream in = tables.open(table)) {
                in.transferTo(zip);
            }
            zip.closeEntry();
        }
        zip.finish();
        zip.flush();
    }

    /** What went wrong with the file, in words: an early end of the file carries no message of its own. */
    static String why(java.io.IOException e) {
        return e.getMessage() != null ? e.getMessage() : e instanceof java.io.EOFException ? "the file ends early" : e.getClass().getSimpleName();
    }

    static String entryName(String table) {
        return "tables/" + table + ".copy.gz";
    }

    /** A file being read: its manifest, then each table's compressed rows, in the manifest's order. */
    public static final class Reader implements AutoCloseable {
        private final ZipInputStream zip;
        private final Manifest manifest;
        private final String file;

        private Reader(ZipInputStream zip, Manifest manifest, String file) {
            this.zip = zip;
            this.manifest = manifest;
            this.file = file;
        }

        /**
         * Opens a file and reads its manifest. {@code file} names it in messages.
         *
         * @throws Invalid when it is not a snapshot file of a format this code reads
         */
        public static Reader open(InputStream in, String file) throws IOException {
            ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8);
            ZipEntry first;
            try {
                first = zip.getNextEntry();
            } catch (ZipException e) {
                throw new Invalid(file + " is not a snapshot file (" + why(e) + ")");
            }
            if (first == null || !MANIFEST.equals(first.getName())) {
                throw new Invalid(file + " is not a snapshot file (it does not start with " + MANIFEST + ")");
            }
            Manifest manifest;
            try {
                manifest = StoredSnapshots.JSON.readValue(zip.readAllBytes(), Manifest.class);
            } catch (JsonProcessingException e) {
                throw new Invalid(file + ": its manifest is unreadable (" + e.getOriginalMessage() + ")");
            } catch (ZipException | java.io.EOFException e) {
                throw new Invalid(file + " is truncated or damaged (" + why(e) + ")");
            }
            if (manifest.format() != Manifest.FORMAT) {
                throw new Invalid(file + " is a snapshot of format " + manifest.format() + "; this version reads format " + Manifest.FORMAT);
            }
            return new Reader(zip, manifest, file);
        }

        public Manifest manifest() {
            return manifest;
        }

        /** The next table's compressed rows; tables must be read in the manifest's order. */
        public InputStream next(Manifest.TableEntry table) throws IOException {
            ZipEntry entry;
            try {
                entry = zip.getNextEntry();
            } catch (ZipException | java.io.EOFException e) {
                throw new Invalid(file + " is truncated or damaged at " + table.table() + " (" + why(e) + ")");
            }
            if (entry == null) {
                throw new Invalid(file + " is truncated: " + table.table() + " is missing");
            }
            if (!entryName(table.table()).equals(entry.getName())) {
                throw new Invalid(file + " holds " + entry.getName() + " where the manifest says " + entryName(table.table()));
            }
            // Read errors of the zip (a bad CRC, an early end) are the file's fault: say so in its words.
            return new FilterInputStream(zip) {
                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    try {
                        return super.read(b, off, len);
                    } catch (ZipException | java.io.EOFException e) {
                        throw new Invalid(file + " is truncated or damaged in " + table.table() + " (" + why(e) + ")");
                    }
                }

                /** Reads what gzip left of the entry, so the zip checks its CRC here; the zip goes on to the next table. */
                @Override
                public void close() throws IOException {
                    byte[] rest = new byte[8192];
                    while (read(rest, 0, rest.length) >= 0) {
                        // skip
                    }
                }
            };
        }

        /**
         * Reads every table's rows to the end, checking them against the manifest, and the file's end:
         * for a file whose snapshot is already kept, so that a damaged copy is still refused.
         */
        public void verifyAll() throws IOException {
            for (Manifest.TableEntry table : manifest.tables()) {
                try (InputStream in = next(table)) {
                    TableLoad.verify(table, in);
                } catch (TableLoad.Mismatch e) {
                    throw new Invalid(file + ": " + e.getMessage() + " (altered or damaged)");
                }
            }
            finish();
        }

        /** After the last table: the file must end there. */
        public void finish() throws IOException {
            ZipEntry extra;
            try {
                extra = zip.getNextEntry();
            } catch (ZipException | java.io.EOFException e) {
                throw new Invalid(file + " is damaged after its last table (" + why(e) + ")");
            }
            if (extra != null) {
                throw new Invalid(file + " holds " + extra.getName() + ", which its manifest does not list");
            }
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }
    }

    /** The file cannot be restored; the message says which file and why, in one line. */
    public static final class Invalid extends IOException {
        public Invalid(String message) {
            super(message);
        }
    }
}

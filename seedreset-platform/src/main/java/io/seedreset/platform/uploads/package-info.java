/**
 * Files people attach to their organization's rows: an agency event's images and a supplier's bill's receipts.
 * {@link io.seedreset.platform.uploads.Uploads} stores, lists and opens them for a signed-in person (the bytes in an
 * {@link io.seedreset.platform.uploads.UploadStore} directory, what is known of them in {@code uploads.files});
 * {@link io.seedreset.platform.uploads.UploadPurge} deletes demo organizations' old ones, never a production organization's.
 */
package io.seedreset.platform.uploads;

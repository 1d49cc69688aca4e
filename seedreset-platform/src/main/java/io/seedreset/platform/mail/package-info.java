/**
 * Mail the platform sends on people's behalf (module {@code operations}): written in the transaction of
 * the work it tells about; a production organization's goes out over SMTP, every other organization's
 * is captured in its demo mailbox and never leaves.
 */
package io.seedreset.platform.mail;

/** An organization's own clock, ahead of the real one after time travel: what "now" and "today" mean to the platform for it. */
package io.seedreset.platform.clock;

/**
 * What the modules' workflows share: their refusal ({@link io.seedreset.platform.workflow.WorkflowRefused}), which
 * each front end maps to its answer in one place (the HTTP server: a status, the reason and the message).
 */
package io.seedreset.platform.workflow;

/**
 * The Visual Layer sink: media mapping from the dataset's export, checks before upload, ordered
 * batched upload with retries and token refresh, and resumable jobs.
 */
package io.vlmeta.sinks.visuallayer;

/**
 * PostgreSQL {@code LISTEN}/{@code NOTIFY} between the apps: a commit that other processes wait for
 * (an append, a projected batch) is announced on a channel, and waiting readers wake within
 * milliseconds instead of polling. Polling stays as the fallback for a lost notification.
 */
package io.ledgerline.infrastructure.notification;

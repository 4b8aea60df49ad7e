/**
 * Workspaces, their members, files and immutable versions, and the streamed, encrypted upload and
 * download pipeline. Content only ever exists in clear in memory, one segment at a time.
 */
package io.cordon.content;

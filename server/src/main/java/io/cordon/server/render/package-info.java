/**
 * Document renditions made on the server: PDFs stamped with their electronic-signature manifests
 * (Apache PDFBox). Adapters of ports in core; they never decide policy or touch storage.
 */
package io.cordon.server.render;

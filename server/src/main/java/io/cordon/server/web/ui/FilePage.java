package io.cordon.server.web.ui;

import io.cordon.audit.signature.FileSignatures;
import io.cordon.content.LegalHold;
import io.cordon.sharing.ShareDetails;
import java.util.List;
import java.util.Optional;

/**
 * A file's detail page: its versions and their signatures, the legal holds and retention that keep
 * it, and its shares. A part the viewer may not see is empty with a reason, never an error page.
 *
 * @param shares the file's shares, empty when the viewer may not list them
 * @param holds holds on the file or its workspace that are in force, empty when not visible
 * @param retention the workspace's retention period in words, or empty for none
 */
public record FilePage(
    FileSignatures file,
    Optional<List<ShareDetails>> shares,
    Optional<List<LegalHold>> holds,
    Optional<String> retention) {}

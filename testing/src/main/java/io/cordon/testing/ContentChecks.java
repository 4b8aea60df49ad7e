package io.cordon.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.content.Membership;
import io.cordon.content.Workspace;
import io.cordon.content.WorkspaceId;
import io.cordon.content.WorkspaceRole;
import io.cordon.context.CordonException;
import io.cordon.crypto.KeysetRecord;
import io.cordon.crypto.KeysetStatus;
import io.cordon.identity.User;
import io.cordon.storage.Transaction;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Workspaces, memberships and keysets. */
abstract class ContentChecks extends IdentityChecks {
  @Test
  void workspaces_insert_findableByIdNameAndList() {
    Samples.Seed seed = writeAndGet(Samples::seed);
    Workspace ws = seed.workspace();

    assertThat(read((Transaction tx) -> tx.workspaces().find(ws.id()))).contains(ws);
    assertThat(read((Transaction tx) -> tx.workspaces().findByName(ws.name()))).contains(ws);
    assertThat(read((Transaction tx) -> tx.workspaces().list())).contains(ws);
    assertThat(read((Transaction tx) -> tx.workspaces().find(WorkspaceId.random()))).isEmpty();
  }

  @Test
  void workspaces_duplicateName_conflictNamingIt() {
    Samples.Seed seed = writeAndGet(Samples::seed);
    Workspace twin = Samples.workspace(seed.kek().id(), seed.user().id());
    Workspace sameName =
        new Workspace(
            twin.id(),
            seed.workspace().name(),
            twin.classification(),
            twin.region(),
            twin.kek(),
            twin.createdBy(),
            twin.created());

    assertThatThrownBy(() -> write(tx -> tx.workspaces().insert(sameName)))
        .isInstanceOf(CordonException.Conflict.class)
        .hasMessageContaining(seed.workspace().name());
  }

  @Test
  void putMember_again_replacesRoleAndKeepsOneMembership() {
    Samples.Seed seed = writeAndGet(Samples::seed);
    WorkspaceId ws = seed.workspace().id();
    User user = seed.user();
    Membership viewer = new Membership(ws, user.id(), WorkspaceRole.VIEWER, Samples.now());

    write(tx -> tx.workspaces().putMember(viewer));
    write(
        tx ->
            tx.workspaces()
                .putMember(
                    new Membership(
                        ws, user.id(), WorkspaceRole.MANAGER, Samples.now().plusSeconds(9))));

    assertThat(read((Transaction tx) -> tx.workspaces().roleOf(ws, user.id())))
        .contains(WorkspaceRole.MANAGER);
    assertThat(read((Transaction tx) -> tx.workspaces().members(ws)))
        .containsExactly(new Membership(ws, user.id(), WorkspaceRole.MANAGER, viewer.added()));
    assertThat(read((Transaction tx) -> tx.workspaces().listForMember(user.id())))
        .containsExactly(seed.workspace());
  }

  @Test
  void roleOf_nonMember_isEmpty() {
    Samples.Seed seed = writeAndGet(Samples::seed);

    assertThat(
            read(
                (Transaction tx) ->
                    tx.workspaces().roleOf(seed.workspace().id(), seed.user().id())))
        .isEmpty();
    assertThat(read((Transaction tx) -> tx.workspaces().listForMember(seed.user().id()))).isEmpty();
  }

  @Test
  void keysets_update_replacesMaterialStatusAndRotation() {
    KeysetRecord kek = Samples.keyset();
    write(tx -> tx.keysets().insert(kek));

    KeysetRecord rotated =
        new KeysetRecord(
            kek.id(),
            kek.purpose(),
            Optional.of(new byte[] {42, 43}),
            987L,
            KeysetStatus.ENABLED,
            kek.created(),
            kek.rotated().plusSeconds(60));
    write(tx -> tx.keysets().update(rotated));
    assertThat(read((Transaction tx) -> tx.keysets().find(kek.id())))
        .get()
        .usingRecursiveComparison()
        .isEqualTo(rotated);

    KeysetRecord destroyed =
        new KeysetRecord(
            kek.id(),
            kek.purpose(),
            Optional.empty(),
            987L,
            KeysetStatus.DESTROYED,
            kek.created(),
            kek.rotated().plusSeconds(120));
    write(tx -> tx.keysets().update(destroyed));
    KeysetRecord stored = read((Transaction tx) -> tx.keysets().find(kek.id())).orElseThrow();
    assertThat(stored.wrapped()).isEmpty();
    assertThat(stored.status()).isEqualTo(KeysetStatus.DESTROYED);
  }

  @Test
  void keysets_insert_roundTripsWrappedBytes() {
    KeysetRecord kek = Samples.keyset();

    write(tx -> tx.keysets().insert(kek));

    KeysetRecord stored = read((Transaction tx) -> tx.keysets().find(kek.id())).orElseThrow();
    assertThat(stored).usingRecursiveComparison().isEqualTo(kek);
    assertThat(stored.wrapped().orElseThrow()).containsExactly(kek.wrapped().orElseThrow());
  }
}

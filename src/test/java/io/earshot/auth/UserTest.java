package io.earshot.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A person's roles")
class UserTest {

  @Test
  @DisplayName("someone who is only a marketer reads; with any other role they work cases")
  void workCases() {
    assertFalse(User.of("mia", Role.MARKETER).canWorkCases());
    assertTrue(User.of("mia", Role.MARKETER, Role.AGENT).canWorkCases());
    assertTrue(User.of("max", Role.MANAGER).canWorkCases());
  }

  @Test
  @DisplayName("managers and admins approve; only admins administer")
  void approveAndAdmin() {
    assertTrue(User.of("max", Role.MANAGER).canApprove());
    assertTrue(User.of("root", Role.ADMIN).canApprove());
    assertFalse(User.of("ann", Role.AGENT).canApprove());
    assertTrue(User.of("root", Role.ADMIN).isAdmin());
    assertFalse(User.of("max", Role.MANAGER).isAdmin());
    assertTrue(User.of("x", Role.AGENT, Role.ADMIN).hasRole(Role.AGENT));
  }

  @Test
  @DisplayName("role codes come in one stable order, and a person holds at least one role")
  void codes() {
    assertEquals(List.of("agent", "manager", "admin"), User.of("x", Role.ADMIN, Role.AGENT, Role.MANAGER).roleCodes());
    assertThrows(IllegalArgumentException.class, () -> new User("x", Set.of()));
    assertEquals(Role.MANAGER, Role.fromCode(" Manager "));
  }
}

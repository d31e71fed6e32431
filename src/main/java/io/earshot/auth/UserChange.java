package io.earshot.auth;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a PATCH of a person changes; null fields stay as they are. {@code capacity} null with
 * {@code clearCapacity} removes the limit. {@code currentPassword} proves a person changing their
 * own password is who their session says. {@code displayName} null with {@code clearDisplayName}
 * removes it; {@code signatures} sets each named brand's signature (a null text removes it);
 * {@code availability} ({@code available|away}) is anyone's own to set, and an admin's for anyone.
 */
public record UserChange(Set<Role> roles, Boolean disabled, String password, String currentPassword,
                         Integer capacity, boolean clearCapacity, List<String> skills, String displayName,
                         boolean clearDisplayName, Map<String, String> signatures, Boolean flagged,
                         String availability) {

  /** Whether anything but the caller's own password is changed. */
  public boolean beyondPassword() {
    return adminOnly() || displayName != null || clearDisplayName || signatures != null || availability != null;
  }

  /** Whether anything only an admin may change is changed (people edit their own name and signatures). */
  public boolean adminOnly() {
    return roles != null || disabled != null || capacity != null || clearCapacity || skills != null || flagged != null;
  }

  /** Whether the change could leave one admin fewer. */
  public boolean mayDemote() {
    return Boolean.TRUE.equals(disabled) || roles != null && !roles.contains(Role.ADMIN);
  }
}

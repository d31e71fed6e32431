package io.earshot.auth;

import java.util.List;
import java.util.Set;

/**
 * What a PATCH of a person changes; null fields stay as they are. {@code capacity} null with
 * {@code clearCapacity} removes the limit. {@code currentPassword} proves a person changing their
 * own password is who their session says.
 */
public record UserChange(Set<Role> roles, Boolean disabled, String password, String currentPassword,
                         Integer capacity, boolean clearCapacity, List<String> skills) {

  /** Whether anything but the caller's own password is changed. */
  public boolean beyondPassword() {
    return roles != null || disabled != null || capacity != null || clearCapacity || skills != null;
  }

  /** Whether the change could leave one admin fewer. */
  public boolean mayDemote() {
    return Boolean.TRUE.equals(disabled) || roles != null && !roles.contains(Role.ADMIN);
  }
}

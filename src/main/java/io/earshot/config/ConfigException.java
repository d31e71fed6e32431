package io.earshot.config;

/** A configuration value is missing or malformed; the message names the setting. */
public class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }
}

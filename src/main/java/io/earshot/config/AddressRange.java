package io.earshot.config;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IP address or CIDR range ({@code 10.0.0.0/8}, {@code fd00::/8}, {@code 127.0.0.1}). Only
 * literals are accepted, so parsing never asks DNS.
 */
public record AddressRange(byte[] network, int prefix) {

  /** The range, or null when {@code text} is not an IP literal with an optional prefix length. */
  public static AddressRange parse(String text) {
    if (text == null) {
      return null;
    }
    String[] parts = text.trim().split("/", -1);
    if (parts.length > 2 || !isLiteral(parts[0])) {
      return null;
    }
    byte[] address = bytes(parts[0]);
    if (address == null) {
      return null;
    }
    int prefix = address.length * 8;
    if (parts.length == 2) {
      try {
        prefix = Integer.parseInt(parts[1]);
      } catch (NumberFormatException e) {
        return null;
      }
      if (prefix < 0 || prefix > address.length * 8) {
        return null;
      }
    }
    return new AddressRange(address, prefix);
  }

  /** Whether the textual IP address {@code ip} lies in this range. */
  public boolean contains(String ip) {
    byte[] candidate = isLiteral(ip) ? bytes(ip) : null;
    if (candidate == null || candidate.length != network.length) {
      return false;
    }
    for (int bit = 0; bit < prefix; bit++) {
      int mask = 0x80 >>> (bit % 8);
      if ((candidate[bit / 8] & mask) != (network[bit / 8] & mask)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLiteral(String text) {
    return text != null && (text.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}") || text.matches("\\[?[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*]?"));
  }

  private static byte[] bytes(String literal) {
    try {
      return InetAddress.getByName(literal.replace("[", "").replace("]", "")).getAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }
}

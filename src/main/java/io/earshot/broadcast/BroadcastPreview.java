package io.earshot.broadcast;

import io.earshot.connector.ReplyCheck;
import java.util.Map;

/**
 * The composer's live preview: the filled public text and each account's length verdict, and
 * the notice as the first affected customer would get it with its verdict ({@code notice} null
 * when nobody is notified); {@code audience} counts the customers found now.
 */
public record BroadcastPreview(String text, Map<String, ReplyCheck> checks, String notice, String noticeAccount,
                               ReplyCheck noticeCheck, int audience) {
}

package io.earshot.publish;

import io.earshot.brand.BrandDirectory;
import io.earshot.domain.Brand;
import io.earshot.domain.CareCase;
import io.earshot.domain.Customer;
import io.earshot.domain.SavedReply;
import io.earshot.error.DomainError;
import io.earshot.store.CustomerStore;
import io.earshot.store.UserStore;
import io.vertx.core.Future;
import java.util.Map;

/**
 * Fills a saved reply (or a body being written) with one case's real values. What templates see:
 * <ul>
 *   <li>{@code customer.handle}, {@code customer.name} (the name on their profile, else the
 *       handle) and {@code customer.firstName} (its first word);</li>
 *   <li>{@code case.id} and {@code case.reference} ({@code #} and the id's first 8 characters,
 *       upper case: what an agent reads out or a customer quotes);</li>
 *   <li>{@code agent.name} (the author's display name, else username), {@code agent.signature}
 *       (their signature for the case's brand) and {@code agent} alone (the username, as older
 *       templates use it);</li>
 *   <li>{@code brand.id} and {@code brand.name}.</li>
 * </ul>
 * Values are inserted as they are, never HTML-escaped ({@link TemplateEngine}). Futures fail with
 * {@link DomainError.Invalid} naming {@code template} (none the case may use) or {@code body}.
 */
public final class TemplateFiller {
  private final SavedReplies saved;
  private final TemplateEngine engine;
  private final CustomerStore customers;
  private final UserStore users;
  private final BrandDirectory brands;

  public TemplateFiller(SavedReplies saved, TemplateEngine engine, CustomerStore customers, UserStore users,
                        BrandDirectory brands) {
    this.saved = saved;
    this.engine = engine;
    this.customers = customers;
    this.users = users;
    this.brands = brands;
  }

  /** What filling gave: the text and the saved reply it came from (null for a body being written). */
  public record Filled(String text, SavedReply template) {
  }

  /** Fills the saved reply {@code ref} names (its id or name) for case {@code c}, signed by {@code username}. */
  public Future<Filled> fillTemplate(CareCase c, String ref, String username) {
    return saved.find(ref, c.brand()).compose(r -> fillBody(c, r.body(), username).map(text -> new Filled(text, r)));
  }

  /** Fills {@code body} (a template being written) for case {@code c}. */
  public Future<String> fillBody(CareCase c, String body, String username) {
    return context(c, username).compose(context -> engine.fill(body, context));
  }

  /** The saved reply {@code ref} names, for a reply whose edited text is sent as typed. */
  public Future<SavedReply> find(CareCase c, String ref) {
    return saved.find(ref, c.brand());
  }

  /** Counts a reply submitted from {@code r}. */
  public void countUse(SavedReply r) {
    saved.countUse(r);
  }

  private Future<Map<String, Object>> context(CareCase c, String username) {
    Future<Customer> customer = c.customerId() == null ? Future.succeededFuture() : customers.get(c.customerId());
    Future<UserStore.StoredUser> person = users.findUser(username);
    Future<Map<String, Brand>> all = brands.all();
    return Future.all(customer, person, all).map(done -> Map.of(
        "customer", customerValues(c, customer.result()),
        "case", Map.of("id", c.id(), "reference", reference(c.id())),
        "agent", TemplateAgent.of(username, person.result(), c.brand()),
        "brand", brandValues(c.brand(), all.result().get(c.brand()))));
  }

  private static Map<String, String> customerValues(CareCase c, Customer customer) {
    String handle = c.customerHandle() == null ? "" : c.customerHandle();
    String name = customer == null || customer.name() == null || customer.name().isBlank()
        ? handle : customer.name().strip();
    return Map.of("handle", handle, "name", name, "firstName", name.split("\\s+", 2)[0]);
  }

  private static Map<String, String> brandValues(String id, Brand brand) {
    String code = id == null ? "" : id;
    return Map.of("id", code, "name", brand == null || brand.name() == null ? code : brand.name());
  }

  /** A short reference for people: {@code #} and the id's first 8 letters and digits, upper case. */
  static String reference(String caseId) {
    String plain = caseId.replaceAll("[^A-Za-z0-9]", "");
    return "#" + plain.substring(0, Math.min(8, plain.length())).toUpperCase(java.util.Locale.ROOT);
  }
}

package io.earshot.ingest;

import io.earshot.domain.Brand;
import io.earshot.domain.CareCase;
import io.earshot.domain.Customer;
import io.earshot.domain.Mention;
import java.util.List;
import java.util.Map;

/**
 * What threading a batch needs to know about the store, read by {@link ThreadingReads}.
 *
 * @param storedCases case id by mention id, for the posts the batch's replies answer that are
 *     stored (customer mentions, in the batch or not, and the brand's own replies)
 * @param awaited for posts that stored replies wait for (see {@code OrphanStore}): the cases those
 *     replies are in, each with the replies' ids (an empty list when none of them is stored)
 * @param customers the batch's authors that are known, by customer id
 * @param cases every case the above point at, by id
 * @param recent each known customer's current case with a brand, when inside the reopen window
 * @param current each known customer's current case with a brand, however old: a private message
 *     joins it while it is not resolved (the hand-off "send us a DM" may come days later)
 */
record ThreadingFacts(Map<String, String> storedCases, Map<String, Map<String, List<String>>> awaited,
                      Map<String, Customer> customers, Map<String, CareCase> cases,
                      Map<CustomerBrand, CareCase> recent, Map<CustomerBrand, CareCase> current) {
  ThreadingFacts(Map<String, String> storedCases, Map<String, Map<String, List<String>>> awaited,
                 Map<String, Customer> customers, Map<String, CareCase> cases, Map<CustomerBrand, CareCase> recent) {
    this(storedCases, awaited, customers, cases, recent, recent);
  }

  /** One customer's dealings with one brand: what a customer's recent case is looked up by. */
  record CustomerBrand(String customerId, String brand) {
    static CustomerBrand of(Mention m) {
      return new CustomerBrand(m.customerId(), brandOf(m));
    }
  }

  static ThreadingFacts none() {
    return new ThreadingFacts(Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
  }

  /** The brand a mention addresses; the pipeline has always decided it, but a null is the default. */
  static String brandOf(Mention m) {
    return m.brand() == null ? Brand.DEFAULT_ID : m.brand();
  }
}

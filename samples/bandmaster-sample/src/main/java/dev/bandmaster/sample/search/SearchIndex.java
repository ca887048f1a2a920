package dev.bandmaster.sample.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.bandmaster.Dependencies;
import dev.bandmaster.Service;
import dev.bandmaster.sample.catalog.Catalog;
import dev.bandmaster.sample.catalog.Product;
import dev.bandmaster.spring.BandService;

/**
 * An in-memory full-text index of the catalog. It depends on the catalog without saying so: the catalog, a band
 * service, is injected into it, and BandMaster infers the dependency.
 */
@BandService(name = "search-index")
public class SearchIndex implements Service {

	private final Catalog catalog;

	private volatile Map<String, Set<Integer>> postings = Map.of();

	private volatile Map<Integer, Product> products = Map.of();

	public SearchIndex(Catalog catalog) {
		this.catalog = catalog;
	}

	@Override
	public void start(Dependencies dependencies) {
		Map<String, Set<Integer>> postings = new HashMap<>();
		Map<Integer, Product> products = new HashMap<>();
		for (Product product : this.catalog.products()) {
			products.put(product.id(), product);
			for (String token : tokens(product.name() + " " + product.category())) {
				postings.computeIfAbsent(token, (key) -> new TreeSet<>()).add(product.id());
			}
		}
		this.products = Map.copyOf(products);
		this.postings = Map.copyOf(postings);
	}

	@Override
	public void stop() {
		this.postings = Map.of();
		this.products = Map.of();
	}

	/**
	 * Finds the products whose name or category holds every word of the query.
	 * @param query words separated by spaces; blank for every product
	 * @return the matching products, by identifier
	 */
	public List<Product> search(String query) {
		Set<Integer> matches = null;
		for (String token : tokens(query)) {
			Set<Integer> ids = this.postings.getOrDefault(token, Set.of());
			if (matches == null) {
				matches = new TreeSet<>(ids);
			}
			else {
				matches.retainAll(ids);
			}
		}
		Iterable<Integer> ids = (matches != null) ? matches : new TreeSet<>(this.products.keySet());
		List<Product> result = new ArrayList<>();
		ids.forEach((id) -> result.add(this.products.get(id)));
		return result;
	}

	private static List<String> tokens(String text) {
		List<String> tokens = new ArrayList<>();
		for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
			if (!word.isEmpty()) {
				tokens.add(word);
			}
		}
		return tokens;
	}

}

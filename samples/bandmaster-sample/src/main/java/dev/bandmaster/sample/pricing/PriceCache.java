package dev.bandmaster.sample.pricing;

import java.util.HashMap;
import java.util.Map;

import dev.bandmaster.Dependencies;
import dev.bandmaster.Service;
import dev.bandmaster.sample.catalog.Catalog;
import dev.bandmaster.sample.catalog.Product;
import dev.bandmaster.spring.BandService;

/**
 * Current prices, warmed from the catalog into a {@link PriceStore} on start. Depends on the catalog because the
 * catalog is injected; with the {@code redis} profile, {@code application-redis.yml} adds the {@code redis} gate.
 */
@BandService(name = "price-cache")
public class PriceCache implements Service {

	private final Catalog catalog;

	private final PriceStore store;

	public PriceCache(Catalog catalog, PriceStore store) {
		this.catalog = catalog;
		this.store = store;
	}

	@Override
	public void start(Dependencies dependencies) {
		Map<Integer, Integer> prices = new HashMap<>();
		for (Product product : this.catalog.products()) {
			prices.put(product.id(), product.priceCents());
		}
		this.store.replaceAll(prices);
	}

	@Override
	public void stop() {
		this.store.clear();
	}

	/**
	 * Returns a product's current price.
	 * @param product the product
	 * @return its cached price in cents, or its list price when the cache does not know it
	 */
	public int priceCents(Product product) {
		return this.store.priceCents(product.id()).orElse(product.priceCents());
	}

}

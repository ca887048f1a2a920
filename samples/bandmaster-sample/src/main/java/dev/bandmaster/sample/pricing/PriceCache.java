package dev.bandmaster.sample.pricing;

import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.bandmaster.Credentials;
import dev.bandmaster.Dependencies;
import dev.bandmaster.Service;
import dev.bandmaster.sample.catalog.Catalog;
import dev.bandmaster.sample.catalog.Product;
import dev.bandmaster.spring.BandService;

/**
 * Current prices, warmed from the catalog into a {@link PriceStore} on start. Depends on
 * the catalog because the catalog is injected; with the {@code redis} profile,
 * {@code application-redis.yml} adds the {@code redis} gate.
 */
@BandService(name = "price-cache")
public class PriceCache implements Service {

	private static final Logger logger = LoggerFactory.getLogger(PriceCache.class);

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

	/**
	 * Clears the store, if it can be reached: when the price cache is stopped because
	 * Redis went away, clearing it cannot work and does not matter, since the next start
	 * replaces every price. A stop that failed would keep the cache counted as running.
	 */
	@Override
	public void stop() {
		try {
			this.store.clear();
		}
		catch (RuntimeException ex) {
			logger.info("Price cache stopped without clearing its store: {}",
					Credentials.mask(String.valueOf(ex.getMessage())));
		}
	}

	/**
	 * Returns a product's current price.
	 * @param product the product
	 * @return its cached price in cents, or its list price when the cache does not know
	 * it
	 */
	public int priceCents(Product product) {
		return this.store.priceCents(product.id()).orElse(product.priceCents());
	}

}

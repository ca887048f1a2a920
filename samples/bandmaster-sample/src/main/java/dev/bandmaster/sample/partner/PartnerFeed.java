package dev.bandmaster.sample.partner;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.bandmaster.Dependencies;
import dev.bandmaster.Service;
import dev.bandmaster.spring.BandService;

import org.springframework.beans.factory.annotation.Value;

/**
 * Promotions from a partner whose API is slow to wake up: its first attempts fail ({@code sample.partner-feed.
 * failing-attempts}), and it succeeds after the retries that {@code application.yml} gives it. Optional: the shop
 * runs without promotions if the partner never answers. Its error carries the feed's credentials, which the
 * health and endpoint output mask.
 */
@BandService(name = "partner-feed", required = false)
public class PartnerFeed implements Service {

	private final int failingAttempts;

	private final AtomicInteger attempts = new AtomicInteger();

	private volatile Map<Integer, Integer> discountPercentByProduct = Map.of();

	public PartnerFeed(@Value("${sample.partner-feed.failing-attempts:2}") int failingAttempts) {
		this.failingAttempts = failingAttempts;
	}

	@Override
	public void start(Dependencies dependencies) throws IOException {
		int attempt = this.attempts.incrementAndGet();
		if (attempt <= this.failingAttempts) {
			throw new IOException("Partner feed https://partner:s3cret@feeds.example.com/promotions answered 503 "
					+ "(attempt " + attempt + ")");
		}
		this.discountPercentByProduct = Map.of(2, 15, 6, 20);
	}

	@Override
	public void stop() {
		this.discountPercentByProduct = Map.of();
		this.attempts.set(0);
	}

	/**
	 * Returns the partner's discount on a product.
	 * @param productId the product
	 * @return the discount in percent, 0 when there is none or the feed is down
	 */
	public int discountPercent(int productId) {
		return this.discountPercentByProduct.getOrDefault(productId, 0);
	}

}

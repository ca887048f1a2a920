package dev.bandmaster.sample.pricing;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

import org.springframework.context.annotation.Profile;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Prices in a Redis hash, with the {@code redis} profile; the {@code redis} gate holds the price cache's start
 * until Redis answers.
 */
@Component
@Profile("redis")
class RedisPriceStore implements PriceStore {

	private static final String KEY = "bandmaster-sample:prices";

	private final StringRedisTemplate redis;

	RedisPriceStore(StringRedisTemplate redis) {
		this.redis = redis;
	}

	@Override
	public void replaceAll(Map<Integer, Integer> pricesCents) {
		Map<String, String> entries = new HashMap<>();
		pricesCents.forEach((id, price) -> entries.put(id.toString(), price.toString()));
		this.redis.delete(KEY);
		this.redis.opsForHash().putAll(KEY, entries);
	}

	@Override
	public OptionalInt priceCents(int productId) {
		Object price = this.redis.opsForHash().get(KEY, Integer.toString(productId));
		return (price != null) ? OptionalInt.of(Integer.parseInt(price.toString())) : OptionalInt.empty();
	}

	@Override
	public void clear() {
		this.redis.delete(KEY);
	}

}

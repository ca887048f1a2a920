package dev.bandmaster.sample.web;

import java.util.List;

import dev.bandmaster.sample.catalog.Product;
import dev.bandmaster.sample.partner.PartnerFeed;
import dev.bandmaster.sample.pricing.PriceCache;
import dev.bandmaster.sample.search.SearchIndex;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /products?q=coffee}: the shop's one page, served only once every required service is up (the web
 * server starts after BandMaster's boot).
 */
@RestController
class ProductController {

	private final SearchIndex searchIndex;

	private final PriceCache priceCache;

	private final PartnerFeed partnerFeed;

	ProductController(SearchIndex searchIndex, PriceCache priceCache, PartnerFeed partnerFeed) {
		this.searchIndex = searchIndex;
		this.priceCache = priceCache;
		this.partnerFeed = partnerFeed;
	}

	@GetMapping("/products")
	List<Offer> products(@RequestParam(name = "q", defaultValue = "") String query) {
		return this.searchIndex.search(query).stream().map(this::offer).toList();
	}

	private Offer offer(Product product) {
		int price = this.priceCache.priceCents(product);
		int discount = this.partnerFeed.discountPercent(product.id());
		return new Offer(product.id(), product.name(), product.category(), price, price * (100 - discount) / 100);
	}

	/**
	 * A product as the shop offers it.
	 * @param id the product's identifier
	 * @param name its name
	 * @param category its category
	 * @param priceCents its current price
	 * @param offerCents its price after the partner's discount
	 */
	record Offer(int id, String name, String category, int priceCents, int offerCents) {

	}

}

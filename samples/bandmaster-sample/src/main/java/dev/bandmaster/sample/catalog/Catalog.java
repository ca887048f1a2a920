package dev.bandmaster.sample.catalog;

import java.util.List;

import dev.bandmaster.Dependencies;
import dev.bandmaster.Service;
import dev.bandmaster.spring.BandService;

/**
 * The product catalog: loads the products on start, through JPA, from the table that
 * Flyway migrated. Flyway and JPA both touch the database while their beans are created,
 * so the datasource gate holds them until the database answers; the catalog depends on
 * the gate all the same, to say what it needs.
 */
@BandService(name = "catalog", dependsOn = "datasource")
public class Catalog implements Service {

	private final ProductRepository repository;

	private volatile List<Product> products = List.of();

	Catalog(ProductRepository repository) {
		this.repository = repository;
	}

	@Override
	public void start(Dependencies dependencies) {
		this.products = this.repository.findAllByOrderById().stream().map(ProductEntity::toProduct).toList();
	}

	@Override
	public void stop() {
		this.products = List.of();
	}

	/**
	 * Returns every product, as loaded when the catalog started.
	 * @return the products, by identifier
	 */
	public List<Product> products() {
		return this.products;
	}

}

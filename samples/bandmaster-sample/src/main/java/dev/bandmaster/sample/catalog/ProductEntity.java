package dev.bandmaster.sample.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A row of the {@code product} table, which Flyway creates and seeds.
 */
@Entity
@Table(name = "product")
class ProductEntity {

	@Id
	private int id;

	@Column(nullable = false)
	private String name = "";

	@Column(nullable = false)
	private String category = "";

	@Column(name = "price_cents", nullable = false)
	private int priceCents;

	protected ProductEntity() {
	}

	Product toProduct() {
		return new Product(this.id, this.name, this.category, this.priceCents);
	}

}

package dev.bandmaster.sample.catalog;

import java.util.List;

import dev.bandmaster.Dependencies;
import dev.bandmaster.Service;
import dev.bandmaster.spring.BandService;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The product catalog: creates and seeds its table on start, once the data source gate says the database answers.
 */
@BandService(name = "catalog", dependsOn = "datasource")
public class Catalog implements Service {

	private static final List<Product> SEED = List.of(new Product(1, "Espresso machine", "kitchen", 24900),
			new Product(2, "Burr coffee grinder", "kitchen", 8900), new Product(3, "Pour-over kettle", "kitchen", 4500),
			new Product(4, "Trail running shoes", "outdoor", 12900), new Product(5, "Rain jacket", "outdoor", 15900),
			new Product(6, "Headlamp", "outdoor", 3900), new Product(7, "Mechanical keyboard", "office", 10900),
			new Product(8, "Standing desk", "office", 44900), new Product(9, "Noise-cancelling headphones", "office",
					27900));

	private final JdbcTemplate jdbc;

	private volatile List<Product> products = List.of();

	public Catalog(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void start(Dependencies dependencies) {
		this.jdbc.execute("CREATE TABLE IF NOT EXISTS product (id INT PRIMARY KEY, name VARCHAR(100) NOT NULL, "
				+ "category VARCHAR(50) NOT NULL, price_cents INT NOT NULL)");
		Integer count = this.jdbc.queryForObject("SELECT COUNT(*) FROM product", Integer.class);
		if (count == null || count == 0) {
			this.jdbc.batchUpdate("INSERT INTO product (id, name, category, price_cents) VALUES (?, ?, ?, ?)", SEED,
					SEED.size(), (statement, product) -> {
						statement.setInt(1, product.id());
						statement.setString(2, product.name());
						statement.setString(3, product.category());
						statement.setInt(4, product.priceCents());
					});
		}
		this.products = List.copyOf(this.jdbc.query("SELECT id, name, category, price_cents FROM product ORDER BY id",
				(row, number) -> new Product(row.getInt(1), row.getString(2), row.getString(3), row.getInt(4))));
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

package dev.bandmaster.sample.catalog;

/**
 * A product of the catalog.
 * @param id its identifier
 * @param name its name
 * @param category its category
 * @param priceCents its list price, in cents
 */
public record Product(int id, String name, String category, int priceCents) {

}

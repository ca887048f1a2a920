package dev.bandmaster.sample.catalog;

import java.util.List;

import org.springframework.data.repository.Repository;

/**
 * The products, through JPA.
 */
interface ProductRepository extends Repository<ProductEntity, Integer> {

	List<ProductEntity> findAllByOrderById();

}

-- The catalog's schema and its first products; Flyway applies it once the datasource gate says the database answers.
CREATE TABLE product (
    id INT PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    category VARCHAR(50) NOT NULL,
    price_cents INT NOT NULL
);

INSERT INTO product (id, name, category, price_cents) VALUES
    (1, 'Espresso machine', 'kitchen', 24900),
    (2, 'Burr coffee grinder', 'kitchen', 8900),
    (3, 'Pour-over kettle', 'kitchen', 4500),
    (4, 'Trail running shoes', 'outdoor', 12900),
    (5, 'Rain jacket', 'outdoor', 15900),
    (6, 'Headlamp', 'outdoor', 3900),
    (7, 'Mechanical keyboard', 'office', 10900),
    (8, 'Standing desk', 'office', 44900),
    (9, 'Noise-cancelling headphones', 'office', 27900);

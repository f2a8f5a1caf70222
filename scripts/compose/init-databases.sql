-- One database per data owner (docker-compose runs this once, on the first start of PostgreSQL).
CREATE DATABASE customs;
CREATE DATABASE police;
CREATE DATABASE fiu;
CREATE DATABASE postal;
CREATE DATABASE hub;

// The four subgraphs of The Guild's federation gateway benchmark (accounts, inventory, products,
// reviews; subgraphs/*.rs there), ported to Node: @apollo/subgraph schemas over node:http, one
// process, one route each, like the original's single axum server. The data is static, so each
// answer is memoised by route and exact request body: the subgraphs (a Rust server in the
// original) must stay cheap next to the gateway under test, which is what is measured. The
// Authorization header (Liaison's per-call token) is ignored.
import http from "node:http";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { execute, parse, validate } from "graphql";
import gql from "graphql-tag";
import { INVENTORY, PRODUCTS, REVIEWS, USERS } from "./data.mjs";

const accounts = buildSubgraphSchema({
  typeDefs: gql`
    extend type Query {
      me: User
      user(id: ID!): User
      users: [User]
    }
    type User @key(fields: "id") {
      id: ID!
      name: String
      username: String
      birthday: Int
    }
  `,
  resolvers: {
    Query: { me: () => USERS[0], user: (_, { id }) => USERS.find((u) => u.id === id), users: () => USERS },
    User: { __resolveReference: ({ id }) => USERS.find((u) => u.id === id) },
  },
});

const inventory = buildSubgraphSchema({
  typeDefs: gql`
    extend type Product @key(fields: "upc") {
      upc: String! @external
      weight: Int @external
      price: Int @external
      inStock: Boolean
      shippingEstimate: Int @requires(fields: "price weight")
    }
  `,
  resolvers: {
    Product: {
      // As inventory.rs: the entity comes from INVENTORY by upc alone (price and weight None there).
      __resolveReference: ({ upc }) => {
        const item = INVENTORY.find((p) => p.upc === upc);
        return item && { ...item, price: null, weight: null };
      },
      shippingEstimate: ({ price, weight }) => (price == null ? null : price > 1000 ? 0 : weight == null ? null : Math.trunc(weight / 2)),
    },
  },
});

const products = buildSubgraphSchema({
  typeDefs: gql`
    extend type Query {
      topProducts(first: Int = 5): [Product]
    }
    type Product @key(fields: "upc") {
      upc: String!
      name: String
      price: Int
      weight: Int
    }
  `,
  resolvers: {
    Query: { topProducts: (_, { first }) => PRODUCTS.slice(0, first ?? 5) },
    Product: { __resolveReference: ({ upc }) => PRODUCTS.find((p) => p.upc === upc) },
  },
});

const firstTwo = () => REVIEWS.slice(0, 2);
const reviews = buildSubgraphSchema({
  typeDefs: gql`
    type Review @key(fields: "id") {
      id: ID!
      body: String
      product: Product
      author: User @provides(fields: "username")
    }
    extend type User @key(fields: "id") {
      id: ID! @external
      username: String @external
      reviews: [Review]
    }
    extend type Product @key(fields: "upc") {
      upc: String! @external
      reviews: [Review]
    }
  `,
  resolvers: {
    Review: {
      __resolveReference: ({ id }) => REVIEWS.find((r) => r.id === id),
      author: () => ({ id: "1", username: "urigo", reviews: firstTwo() }),
    },
    User: { __resolveReference: ({ id }) => ({ id, username: "user", reviews: firstTwo() }) },
    Product: {
      __resolveReference: ({ upc }) => ({ upc }),
      reviews: ({ upc }) => REVIEWS.filter((r) => r.product.upc === upc),
    },
  },
});

const SCHEMAS = { "/accounts": accounts, "/inventory": inventory, "/products": products, "/reviews": reviews };
/** Answers by route and request body (bounded: cleared when it grows past 5000). */
const answers = new Map();

async function answer(schema, text) {
  try {
    const { query, variables, operationName } = JSON.parse(text);
    const document = parse(query);
    const errors = validate(schema, document);
    return JSON.stringify(errors.length > 0 ? { errors } : await execute({ schema, document, variableValues: variables, operationName }));
  } catch (error) {
    return JSON.stringify({ errors: [{ message: String(error?.message ?? error) }] });
  }
}

export let subgraphRequests = 0;

const server = http.createServer((req, res) => {
  const schema = SCHEMAS[req.url ?? ""];
  if (req.method === "GET" && req.url === "/health") return void res.end("OK");
  if (!schema || req.method !== "POST") {
    res.statusCode = 404;
    return void res.end();
  }
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", async () => {
    subgraphRequests += 1;
    const key = `${req.url}\n${Buffer.concat(chunks).toString("utf8")}`;
    let body = answers.get(key);
    if (body === undefined) {
      body = await answer(schema, key.slice(key.indexOf("\n") + 1));
      if (answers.size > 5000) answers.clear();
      answers.set(key, body);
    }
    res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
    res.end(body);
  });
});
server.keepAliveTimeout = 60_000;

const port = Number(process.env.PORT ?? 0);
server.listen(port, "127.0.0.1", () => {
  const address = server.address();
  process.stdout.write(`${JSON.stringify({ ready: `http://127.0.0.1:${address.port}` })}\n`);
});
// The runner asks how many subgraph requests the last gateway caused (fetches per operation).
process.on("message", (message) => {
  if (message === "count") process.send?.({ subgraphRequests });
});

-- The self-hosted Inngest server keeps its state in a database of its own on the same server.
CREATE DATABASE inngest;

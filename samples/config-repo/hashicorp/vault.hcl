storage "raft" {
  path                   = "/vault/data"
  node_id                = "vault-0"
  performance_multiplier = 0
}
listener "tcp" {
  address = "0.0.0.0:8200"
}

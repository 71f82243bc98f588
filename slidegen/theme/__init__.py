"""Themes as data: the model of theme.yaml and the registry that finds and loads them."""

"""The disclosure library (政府信息公开): catalogue, search, requests, reports."""

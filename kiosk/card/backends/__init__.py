"""Reader backends. Their transports are private: the public way to a card is `CardSession`."""

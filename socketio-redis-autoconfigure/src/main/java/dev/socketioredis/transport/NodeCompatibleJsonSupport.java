package dev.socketioredis.transport;

import java.text.SimpleDateFormat;
import java.util.TimeZone;

import com.corundumstudio.socketio.protocol.JacksonJsonSupport;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * netty-socketio's JSON mapper, writing what a Node server writes for the same payload, so that a client sees the
 * same JSON whichever node it is connected to: {@code null} values inside maps are kept (netty-socketio drops them;
 * {@code null} bean properties are still left out), and dates and {@code java.time} values are ISO-8601 strings, as
 * {@code Date.toJSON()} gives.
 */
public class NodeCompatibleJsonSupport extends JacksonJsonSupport {

	@Override
	protected void init(ObjectMapper objectMapper) {
		super.init(objectMapper);
		objectMapper.setDefaultPropertyInclusion(
				JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS));
		SimpleDateFormat javaScriptDate = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");
		javaScriptDate.setTimeZone(TimeZone.getTimeZone("UTC"));
		objectMapper.registerModule(new JavaTimeModule())
			.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
			.setDateFormat(javaScriptDate);
	}

}
